import { describe, expect, it } from 'vitest';
import { ORG_ALIASES } from './org-aliases.js';
import { canonicalOrganization, organizationForms, sameOrganization } from './organizations.js';

/** The alias groups the brief requires, and more found in the five documents. */
const GROUPS: [string, string[]][] = [
  ['州发展和改革委员会', ['州发改委', '州发展改革委', '自治州发展和改革委员会']],
  ['州卫生健康委员会', ['州卫健委', '州卫生健康委', '伊犁州卫生健康委员会']],
  ['州住房和城乡建设局', ['州住建局']],
  ['州文化和旅游局', ['州文旅局']],
  ['州广播电视局', ['州广电局']],
  ['州科学技术局', ['州科技局']],
  ['州人力资源和社会保障局', ['州人社局']],
  ['州林业和草原局', ['州林业草原局']],
  ['州残疾人联合会', ['州残联']],
  ['州妇女联合会', ['州妇联']],
  ['共青团州委员会', ['州团委']],
  ['州社会科学界联合会', ['州社科联']],
  ['州科学技术协会', ['州科协']],
  ['州文学艺术界联合会', ['州文联']],
  ['州人民政府外事办公室', ['州外办']],
  ['州党委网络安全和信息化委员会办公室', ['州党委网信办', '州网信办']],
  ['州党委党史研究室', ['州党委党研室']],
  ['州党委教育工作委员会', ['州党委教育工委']],
  ['州畜牧兽医局', ['自治州畜牧兽医局', '伊犁哈萨克自治州畜牧兽医局', '州 畜牧兽医局']],
];

describe('canonicalOrganization', () => {
  it.each(GROUPS)('%s is the canonical name of %j', (canonical, aliases) => {
    for (const alias of [canonical, ...aliases]) expect(canonicalOrganization(alias)).toBe(canonical);
  });

  it('leaves an unknown name as written, normalised and folded', () => {
    expect(canonicalOrganization('伊宁<那拉提>机场')).toBe('伊宁〈那拉提〉机场');
    expect(canonicalOrganization('伊犁州消防救援支队')).toBe('州消防救援支队');
    expect(canonicalOrganization('自治州')).toBe('自治州');
  });

  it('takes extra aliases without changing the reviewed list', () => {
    const extra = { 州消防救援支队: ['州消防支队'] };
    expect(canonicalOrganization('州消防支队', extra)).toBe('州消防救援支队');
    expect(canonicalOrganization('州发改委', { 州发展和改革委员会: ['州发展委'] })).toBe('州发展和改革委员会');
    expect(canonicalOrganization('州发展委', { 州发展和改革委员会: ['州发展委'] })).toBe('州发展和改革委员会');
    expect(canonicalOrganization('州消防支队')).toBe('州消防支队');
  });

  it('knows when two names are one organisation', () => {
    expect(sameOrganization('州卫健委', '州卫生健康委员会')).toBe(true);
    expect(sameOrganization('州卫健委', '州医疗保障局')).toBe(false);
    expect(organizationForms('州住建局')).toEqual(['州住房和城乡建设局', '州住建局', '州住房城乡建设局']);
  });

  it('has no alias listed under two canonical names', () => {
    const forms = Object.entries(ORG_ALIASES).flatMap(([c, a]) => [c, ...a]);
    expect(forms.length).toBe(new Set(forms).size);
  });
});
