/**
 * Where Porchlight reads from the pages the shopper visits (issue #11 §7): what is always on, and what
 * needs a permission asked for when switched on (webmail, carrier pages and other shops, below). Pure text from data.
 */
export function PageReadingSection({ data }: { data: { marketplaces: readonly string[] } }) {
  return (
    <section class="section" id="reading" aria-labelledby="reading-title">
      <h2 id="reading-title">Page reading</h2>
      <p class="intro">
        Amazon order and tracking pages are read when you open them, on {data.marketplaces.length} marketplaces ({data.marketplaces.join(', ')}).
        This is the one permission Porchlight has from the start; nothing is read in the background except Amazon’s own tracking pages for your parcels.
      </p>
      <p class="hint">
        Other shops and carriers’ tracking pages: turn them on below. Any page at all: open Porchlight from the toolbar and choose “Scan page”, or select a
        number and right-click “Track … with Porchlight”.
      </p>
    </section>
  );
}
