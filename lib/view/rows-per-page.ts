/**
 * Rows a group shows at first, and how many more each "Show more" adds (issue #13 §4): two screens
 * of the 600 px popup. At 1,000 parcels, 25 made the first paint about 10 ms slower (popup bench).
 */
export const ROWS_PER_PAGE = 15;
