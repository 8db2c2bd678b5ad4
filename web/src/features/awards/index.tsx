import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 体育奖励 module's page (default export). */
export default function AwardsPage() {
  return <UnderConstruction title="体育奖励" />;
}
