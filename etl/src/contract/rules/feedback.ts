import { key, required, score } from './columns';
import type { KindRules } from './types';

/** A participant's rating of one session (Group Session Rating Scale layout). */
export type FeedbackRow = {
  session_id: string;
  participant_id: string;
  relationship: number;
  goals_topics: number;
  approach: number;
  overall: number;
};

export const FEEDBACK_RULES: KindRules<FeedbackRow> = {
  columns: {
    session_id: required(key),
    participant_id: required(key),
    relationship: required(score),
    goals_topics: required(score),
    approach: required(score),
    overall: required(score),
  },
};
