/** 待办 (issue 11): the work queue list and the menu badge count, for the home page and the shell. */
export { TaskList, useTaskCount } from './TaskList';
export { MY_TASKS_QUERY, TASK_COUNT_QUERY, type TaskNode, type KnownTaskKind } from './tasks.graphql';
export { taskKindLabel, taskTarget } from './taskDisplay';
