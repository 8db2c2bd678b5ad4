import type { Db } from '../../db/client.js';
import { livelihoodMentions } from '../livelihood/person-mentions.js';

/** A record of another module that names a person (a livelihood measure's lead leader, say). */
export interface PersonMention {
  /** What kind of record, as users say it: 民生实事工作措施, 新闻发布会 … */
  kind: string;
  title: string;
  /** The role the record gives the person: 牵头领导, 责任领导 … */
  role: string | null;
  /** A path in the web app, when the record has a page. */
  link: string | null;
  docNumber: string | null;
}

export interface MentionedPerson {
  id: string;
  name: string;
  organizationId: string | null;
  organization: string | null;
}

/**
 * The person page asks each module for the records naming the person. A module adds one line
 * here; its finder matches by person id when it stores one, else by name and organisation.
 */
export interface PersonMentionFinder {
  name: string;
  find(db: Db, person: MentionedPerson): Promise<PersonMention[]>;
}

// One line per module.
export const PERSON_MENTION_FINDERS: PersonMentionFinder[] = [livelihoodMentions];
