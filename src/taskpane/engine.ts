// The core (table readers, rules, catalogue, narrative, recalculation) loads as its own chunk so
// the pane paints quickly; it is fetched from the add-in's own origin right after the first render.
export type Engine = typeof import('./engine-impl');

let loading: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  if (!loading) {
    loading = import(/* webpackChunkName: "engine" */ './engine-impl');
    // A failed load (e.g. the server went away) may be retried by the next action.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
