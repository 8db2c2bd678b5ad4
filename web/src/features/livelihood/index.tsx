import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 民生实事 module's page (default export). */
export default function LivelihoodPage() {
  return <UnderConstruction title="民生实事" />;
}
