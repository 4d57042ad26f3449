import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who acted on a record, by name: the `user_names` view (id and display name only — no username, no
 * password hash). A caller who may read a loan, a notice or a risk event sees who acknowledged,
 * issued, proposed, reported or verified it, although row-level security keeps other organisations'
 * user rows from it (migration EnterpriseLibrary: the view reads `users` as its owner).
 */
@Entity('user_names')
export class UserNameEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;
}
