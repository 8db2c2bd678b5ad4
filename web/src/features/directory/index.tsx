import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 机构与人员 module's page (default export). */
export default function DirectoryPage() {
  return <UnderConstruction title="机构与人员" />;
}
