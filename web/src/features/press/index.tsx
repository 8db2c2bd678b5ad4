import { UnderConstruction } from '../../ui';

/** Placeholder: replace this file with the 新闻发布 module's page (default export). */
export default function PressPage() {
  return <UnderConstruction title="新闻发布" />;
}
