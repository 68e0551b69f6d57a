// The home page's filters on a narrow screen: a disclosure button shows and hides them (the
// stylesheet hides them only below the two-column width). Escape inside the open filters closes
// them and puts focus back on the button. Without this script the button stays hidden and the
// filters stay open.
const toggle = document.querySelector('.filters-toggle');
const filters = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
if (toggle && filters) {
  const setOpen = (open) => toggle.setAttribute('aria-expanded', String(open));
  toggle.hidden = false;
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  filters.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true' || !toggle.checkVisibility()) return;
    event.preventDefault();
    setOpen(false);
    toggle.focus();
  });
}
