import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 公文 module's page (default export). */
export default function DocumentsPage() {
  return <UnderConstruction title="公文" />;
}
