// Which theme the pane follows: the Office theme when Excel reports one (彩色/白色 light,
// 深灰色/黑色 dark), else the system's colour scheme.
import { luminance, themeFrom } from '../../../src/hosts/excel/theme';
import { isDark } from '../../../src/taskpane/theme';

describe('Office theme', () => {
  test.each([
    ['彩色 (colorful)', '#FFFFFF', false],
    ['白色 (white)', '#FFFFFF', false],
    ['浅灰 body of older builds', '#E6E6E6', false],
    ['深灰色 (dark gray)', '#666666', true],
    ['黑色 (black)', '#262626', true],
    ['pure black', '#000', true],
  ])('%s: body %s → dark %s', (_name, bg, dark) => {
    expect(themeFrom({ bodyBackgroundColor: bg })).toEqual({ dark });
  });

  test('isDarkTheme, where the host reports it, decides', () => {
    expect(themeFrom({ bodyBackgroundColor: '#FFFFFF', isDarkTheme: true })).toEqual({ dark: true });
  });

  test('no theme (old hosts) or an unreadable colour: none, the system decides', () => {
    expect(themeFrom(undefined)).toBeNull();
    expect(themeFrom(null)).toBeNull();
    expect(themeFrom({ bodyBackgroundColor: 'red' })).toBeNull();
    expect(isDark(null, true)).toBe(true);
    expect(isDark(null, false)).toBe(false);
    expect(isDark({ dark: true }, false)).toBe(true);
    expect(isDark({ dark: false }, true)).toBe(false);
  });

  test('luminance follows WCAG', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000000')).toBeCloseTo(0);
    expect(luminance('#777777')).toBeCloseTo(0.184, 2);
    expect(luminance('nope')).toBeNull();
  });
});
