/**
 * Which of the plan's two approval forms (审批单) a publishing unit fills in:
 * 附件1《州直部门（单位）新闻发布会审批单》 or 附件2《州直县（市）新闻发布会审批单》.
 */
export type ApprovalFormKind = 'prefecture-department' | 'county';

/** 八县三市: the counties and cities directly under the prefecture. */
export const ILI_COUNTIES: readonly string[] = [
  '伊宁市', '奎屯市', '霍尔果斯市',
  '伊宁县', '察布查尔锡伯自治县', '察布查尔县', '霍城县', '巩留县', '新源县', '昭苏县', '特克斯县', '尼勒克县',
];

/**
 * A unit is a county when its name is, or starts with, a county or city (霍城县, 新源县人民政府,
 * 昭苏县委宣传部), or another 某某县 not on the list. Everything else uses the prefecture form:
 * 州… departments, and also the prefecture's dispatched bodies — 那拉提景区管委会, 霍尔果斯经济开发区管委会,
 * 伊犁国家农业科技园区, 都拉塔口岸 — which the plan's 主送机关 lists apart from the 县市, whose
 * leaders the prefecture appoints, and which the 州直部门（单位） form's “单位” covers.
 * 那拉提 lies in 新源县, but its 管委会 is not the county's.
 */
export function approvalFormKind(unit: string): ApprovalFormKind {
  const name = unit.trim();
  if (/^(?:伊犁哈萨克自治州|伊犁州|自治州|州)/.test(name)) return 'prefecture-department';
  if (ILI_COUNTIES.some((county) => name.startsWith(county))) return 'county';
  if (/^[\u4e00-\u9fa5]{1,8}?县(?:人民政府|委|$)/.test(name)) return 'county';
  return 'prefecture-department';
}
