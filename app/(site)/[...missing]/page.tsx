import { notFound } from 'next/navigation';

/**
 * Any address no route has: answered by (site)'s not-found, inside the site's header and footer
 * (the root not-found would have neither, now that they are (site)'s layout).
 */
export default function MissingPage(): never {
  notFound();
}
