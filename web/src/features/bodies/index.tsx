import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 议事协调机构 module's page (default export). */
export default function BodiesPage() {
  return <UnderConstruction title="议事协调机构" />;
}
