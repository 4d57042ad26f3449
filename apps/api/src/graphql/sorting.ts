import { registerEnumType } from 'type-graphql';

/** The direction of a list's sort (issue 11); every sortable list pages by keyset under it. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
