// The host's token, as the page keeps it: taken from the address the host
// printed (`?token=…`) into this tab's sessionStorage and out of the address
// bar, history entry and any link copied from it. A reload finds it there; a
// new tab has none (sessionStorage is per tab) and needs the printed address
// again. Never a cookie: browsers send `127.0.0.1` cookies to every port.
const KEY = 'fernwartung.bridgeToken';

export function takeBridgeToken(location: Location = window.location): string | null {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    sessionStorage.setItem(KEY, given);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return sessionStorage.getItem(KEY);
}
