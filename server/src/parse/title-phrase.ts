/** The title phrase every report carries (the format's data), matched on text with white space removed. */
export { TITLE_PHRASE } from '../format/national';
