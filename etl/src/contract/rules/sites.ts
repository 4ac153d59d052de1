import { key, required, text } from './columns';
import type { KindRules } from './types';

export type SiteRow = {
  site_id: string;
  site_name: string;
};

export const SITE_RULES: KindRules<SiteRow> = {
  columns: {
    site_id: required(key),
    site_name: required(text(1, 200)),
  },
};
