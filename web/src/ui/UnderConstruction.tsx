import { Card, Result } from 'antd';
import { PageHeader } from './PageHeader';

/** The stand-in page of a module that is not built yet. */
export function UnderConstruction({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Result status="info" title="本模块建设中" subTitle="功能开发完成后将在此处提供。" />
      </Card>
    </>
  );
}
