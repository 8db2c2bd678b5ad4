import { serializerCompiler } from 'fastify-type-provider-zod';

type SerializerCompiler = typeof serializerCompiler;

/**
 * The answer serializer: every JSON answer is checked against its route's response schema, and
 * fields the schema does not name are left out. With `strict` (the tests) leaving one out is an
 * error instead: a schema must describe the whole answer, or the web app silently loses what the
 * service sent (a schema written after the fact drops a field no type check notices).
 */
export function responseSerializer(options: { strict: boolean }): SerializerCompiler {
  if (!options.strict) return serializerCompiler;
  return (route) => {
    const serialize = serializerCompiler(route);
    return (data) => {
      const json = serialize(data);
      const dropped = droppedFields(JSON.parse(JSON.stringify(data)) as unknown, JSON.parse(json) as unknown, '');
      if (dropped.length > 0) {
        throw new Error(`${route.method} ${route.url}: the response schema leaves out ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ' …' : ''}`);
      }
      return json;
    };
  };
}

/** Paths of the object keys in `sent` (as JSON) that `kept` lacks. */
export function droppedFields(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((item, i) => droppedFields(item, kept[i], `${at}[${i}]`));
  }
  if (isRecord(sent) && isRecord(kept)) {
    return Object.keys(sent).flatMap((key) => (key in kept ? droppedFields(sent[key], kept[key], `${at}.${key}`) : [`${at}.${key}`]));
  }
  return [];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
