/** Shown once, when the options page opens on install (issue #11 §5): the three ways in. */
export function WelcomeSection({ data }: { data: { ordersLinks: { label: string; url: string }[] } }) {
  return (
    <section class="section welcome" id="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Porchlight</h2>
      <p>Porchlight watches your parcels from every shop and carrier. No account; everything stays in this browser. Three ways in:</p>
      <ol>
        <li>
          Open your orders and Porchlight reads every order and shipment on the page:{' '}
          {data.ordersLinks.map((l, i) => (
            <span key={l.url}>
              {i > 0 && ', '}
              <a href={l.url} target="_blank" rel="noopener noreferrer">
                {l.label}
              </a>
            </span>
          ))}
          .
        </li>
        <li>Paste a tracking number into the box at the top of the Porchlight popup (the toolbar button).</li>
        <li>Select a tracking number on any page, right-click, and choose “Track … with Porchlight”.</li>
      </ol>
      <p class="hint">Below, all optional: free carrier keys for faster updates, webmail scanning, alerts and notifications.</p>
    </section>
  );
}
