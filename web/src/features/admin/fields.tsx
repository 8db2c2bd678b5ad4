import { Select, type SelectProps } from 'antd';
import { canAddRole, ROLES, roleLabel, type Role } from '../../auth/roles';
import { organizationMatches } from './adminApi';
import { ORGANIZATION_KIND_LABELS, type Organization } from './types';

type RoleSelectProps = Omit<SelectProps<Role[]>, 'options' | 'mode'>;

/**
 * Role multi-select that disables the roles 三权分立 rules out given those already chosen; the
 * form's validator still checks, since a saved account may already break the rule.
 */
export function RoleSelect(props: RoleSelectProps) {
  const chosen = props.value ?? [];
  const options = ROLES.map((role) => ({ value: role, label: roleLabel(role), disabled: !canAddRole(chosen, role) }));
  return (
    <Select<Role[]>
      placeholder="选择角色（可输入中文名称查找）"
      {...props}
      mode="multiple"
      options={options}
      optionFilterProp="label"
      allowClear
    />
  );
}

type OrganizationSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption'> & {
  organizations: Organization[];
};

/** Organisation picker that also finds an organisation by any of its aliases (州发改委 → 州发展和改革委员会). */
export function OrganizationSelect({ organizations, ...props }: OrganizationSelectProps) {
  const kinds = Object.keys(ORGANIZATION_KIND_LABELS) as (keyof typeof ORGANIZATION_KIND_LABELS)[];
  const options = kinds
    .map((kind) => ({
      label: ORGANIZATION_KIND_LABELS[kind],
      title: ORGANIZATION_KIND_LABELS[kind],
      options: organizations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name })),
    }))
    .filter((group) => group.options.length > 0);
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return (
    <Select<string>
      placeholder="选择机构（可按名称或简称搜索）"
      {...props}
      showSearch
      options={options}
      filterOption={(input, option) => {
        const org = option && typeof option.value === 'string' ? byId.get(option.value) : undefined;
        return org ? organizationMatches(org, input) : false;
      }}
    />
  );
}
