// 快捷键: a small popover listing the keyboard path through the pane.
import { Button, Popover, PopoverSurface, PopoverTrigger } from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { useStyles } from '../styles';

export const SHORTCUTS: [string, string][] = [
  ['F8', '下一个问题（选中其单元格）'],
  ['Shift+F8', '上一个问题'],
  ['↑ / ↓', '在检查结果中移动'],
  ['Home / End', '第一条 / 最后一条检查结果'],
  ['Enter', '选中当前检查结果指向的单元格'],
  ['Tab', '进入当前检查结果的“相关单元格”和“应用修正”'],
  ['Esc', '关闭对话框或本说明'],
];

/** Extra keys of the offline page's grid. */
export const GRID_SHORTCUTS: [string, string][] = [['方向键（表格中）', '移动选中的单元格']];

export function ShortcutsHelp({ extra = [] }: { extra?: [string, string][] }) {
  const s = useStyles();
  return (
    <Popover withArrow positioning="below-end" trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<KeyboardRegular />} aria-label="快捷键说明">
          快捷键
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label="快捷键" className={s.shortcutsSurface}>
        <h2 className={s.sectionTitle}>快捷键</h2>
        <table className={s.shortcutsTable} data-testid="shortcuts">
          <tbody>
            {[...SHORTCUTS, ...extra].map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PopoverSurface>
    </Popover>
  );
}
