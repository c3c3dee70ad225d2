// Placeholder; the browser-test work builds the offline page here before the browser tests run.
module.exports = async () => {};
