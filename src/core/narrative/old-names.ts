// 科目 names that were renamed in a classification reform. Officers copy last decade's text, so an
// old name in a 2019+ report is a name fault (one finding giving today's name), and the figure after
// it still belongs to the renamed item — never to a shorter name found inside it ('体育' inside
// '文化体育与传媒支出').
export interface OldName {
  old: string;
  code: string;
  /** Today's name (the catalogue's, unless the tables print another). */
  name: string;
  /** First year of today's name. */
  since: number;
}

export const OLD_NAMES: OldName[] = [
  // 2019 institutional reform (财预〔2018〕… 政府收支分类科目 2019).
  { old: '文化体育与传媒支出', code: '207', name: '文化旅游体育与传媒支出', since: 2019 },
  { old: '医疗卫生与计划生育支出', code: '210', name: '卫生健康支出', since: 2019 },
  { old: '国土海洋气象等支出', code: '220', name: '自然资源海洋气象等支出', since: 2019 },
  { old: '其他国土资源事务支出', code: '2200199', name: '其他自然资源事务支出', since: 2019 },
  { old: '国土资源事务', code: '22001', name: '自然资源事务', since: 2019 },
  { old: '其他文化体育与传媒支出', code: '20799', name: '其他文化旅游体育与传媒支出', since: 2019 },
];

export function oldNameOf(name: string): OldName | undefined {
  return OLD_NAMES.find((o) => o.old === name);
}
