/** The items under the "PassiveWP" top-level menu; `section` is the first segment of the routes it owns. */
export const ADMIN_MENU_ITEMS = [
  { route: '/dashboard', section: 'dashboard', label: 'Dashboard' },
  { route: '/products', section: 'products', label: 'Products' },
  { route: '/test-post', section: 'test-post', label: 'Test post' },
  { route: '/jobs', section: 'jobs', label: 'Jobs' },
  { route: '/settings/general', section: 'settings', label: 'Settings' },
  { route: '/help', section: 'help', label: 'Help' },
] as const;
