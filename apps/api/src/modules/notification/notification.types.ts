import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

@ObjectType('Notification', {
  description: 'A task that entered the caller\u2019s work queue, announced once (issue 12)',
})
export class NotificationType {
  @Field(() => ID)
  id: string;
  @Field({ description: 'The task announced (Task.id of myTasks while it is open)' })
  taskId: string;
  @Field({ description: 'A TaskKind value' })
  kind: string;
  @Field()
  title: string;
  @Field()
  article: string;
  @Field({ description: 'The GraphQL type of the record it concerns (Claim, Loan, Recovery …)' })
  subjectType: string;
  @Field()
  subjectId: string;
  @Field(() => DateScalar)
  dueOn: string;
  @Field(() => DateScalar, { description: 'The business date it was sent' })
  businessDate: string;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

@ObjectType('NotificationList')
export class NotificationListType {
  @Field(() => Int)
  totalCount: number;
  @Field(() => Int)
  unreadCount: number;
  @Field(() => [NotificationType], { description: 'Newest first' })
  nodes: NotificationType[];
}

export enum OutboxStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  LOGGED = 'LOGGED',
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

@ObjectType('OutboxMessage', { description: 'An e-mail of a notification and whether it was delivered' })
export class OutboxMessageType {
  @Field(() => ID)
  id: string;
  @Field()
  recipientUsername: string;
  @Field()
  toAddress: string;
  @Field()
  subject: string;
  @Field({
    description:
      'PENDING (due at nextAttemptAt), SENDING, DELIVERED (SMTP accepted it), LOGGED (no SMTP_URL: written to the log), FAILED',
  })
  status: string;
  @Field(() => Int)
  attempts: number;
  @Field()
  nextAttemptAt: Date;
  @Field(() => String, { nullable: true })
  lastError: string | null;
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
  @Field()
  createdAt: Date;
}
