// Plain-Chinese reasons for what can go wrong around files. Library text (an errno code, an
// exception's first line) only follows in brackets, and only when it helps someone who reports it.

/** A file that cannot be used, with a one-line reason for the user (exit status 2). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是文件夹，不是文件',
  EACCES: '没有权限访问',
  EPERM: '操作不被允许（没有权限或文件被占用）',
  EBUSY: '文件正被其他程序占用',
  ELOOP: '符号链接循环',
  ENAMETOOLONG: '文件名过长',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EROFS: '所在磁盘是只读的',
  EIO: '磁盘读写出错',
  EXDEV: '不能跨磁盘移动文件',
  EEXIST: '文件已存在',
};

/** `<path>：<reason>` for a Node file-system error; unknown codes keep the code in brackets. */
export function describeFsError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && FS_REASONS[code]) return `${path}：${FS_REASONS[code]}`;
  return `${path}：无法访问（${code ?? firstLine(e)}）`;
}

/** First line of an exception's message, shortened: library text for the brackets. */
export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const line = msg.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || (e instanceof Error ? e.name : '未知错误');
}

/** A failure that is no fault of the file's owner: said so, with the library text in brackets. */
export function describeUnexpected(path: string, e: unknown): string {
  return `${path}：读取或检查时出现意外错误，文件未能检查（${firstLine(e)}）`;
}
