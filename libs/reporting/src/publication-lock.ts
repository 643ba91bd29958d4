/**
 * The advisory lock under which a month's publication is decided, whether asked by an api request or a
 * worker. Any constant will do: publications are its only users.
 */
export const PUBLICATION_LOCK = 4_240_101;
