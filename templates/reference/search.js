// Search: filters the operation list and the operation sections by id, method, path, summary and tags.
// Enter jumps to the first match; `?q=` fills the box on load. Without this script everything is shown.
(() => {
  const input = document.getElementById('search');
  const count = document.getElementById('search-count');
  const items = [...document.querySelectorAll('.op-list li')];
  const sections = [...document.querySelectorAll('section.operation')];
  const filter = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (el) => words.every((word) => (el.dataset.search ?? '').includes(word));
    let shown = 0;
    for (const item of items) {
      item.hidden = !matches(item);
      if (!item.hidden) shown++;
    }
    for (const section of sections) section.hidden = !matches(section);
    count.textContent = `${shown} ${shown === 1 ? 'operation' : 'operations'}`;
  };
  input.addEventListener('input', filter);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = items.find((item) => !item.hidden);
    if (!first) return;
    event.preventDefault();
    location.hash = first.querySelector('a').getAttribute('href');
  });
  // A deep link to an operation the search hides shows everything again.
  window.addEventListener('hashchange', () => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target?.hidden) {
      input.value = '';
      filter();
      target.scrollIntoView();
    }
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    filter();
  }
})();
