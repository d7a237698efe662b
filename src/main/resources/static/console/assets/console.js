// A colleague ticked in the search results stays chosen while the next name is searched.
document.addEventListener('change', event => {
  const box = event.target;
  if (box.name === 'colleagues' && box.checked && box.closest('#people-found')) {
    document.getElementById('people-chosen').appendChild(box.closest('label'));
  }
});
