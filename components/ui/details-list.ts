/**
 * A row's details (<dl> of terms and values, one column on a phone, two from `sm`): the terms' and
 * values' styles are set once on the list rather than on each <dt>/<dd>, as a page lists dozens of
 * rows and every class is written twice into it (the HTML and the server's flight data).
 */
export const DETAILS_LIST_CLASS =
  'mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr] [&>dt]:font-medium [&>dt]:text-zinc-700 dark:[&>dt]:text-zinc-300 max-sm:[&>dd:not(:last-child)]:mb-1';
