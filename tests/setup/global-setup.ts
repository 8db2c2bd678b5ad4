import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../scripts/web-build.mjs';
import { startCluster, type Cluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

let cluster: Cluster | null = null;

/**
 * Integration tests run on PGlite and on a real PostgreSQL server. TEST_DATABASE_URL points at a
 * server where the tests may create databases; without it a throwaway cluster is started here.
 */
export async function setup(project: TestProject) {
  // The end-to-end tests serve the built web app.
  ensureWebBuilt();
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return;
  }
  cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.url);
}

export async function teardown() {
  await cluster?.stop();
}
