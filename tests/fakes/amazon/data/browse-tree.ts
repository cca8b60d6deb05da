/**
 * A small browse-node tree, the same in every marketplace (Amazon's ids differ per store; tests
 * only need ids that are stable). Ids are invented.
 */
export interface BrowseNodeRecord {
  id: string;
  displayName: string;
  contextFreeName: string;
  parentId?: string;
}

const node = (id: string, displayName: string, parentId?: string, contextFreeName = displayName): BrowseNodeRecord =>
  parentId ? { id, displayName, contextFreeName, parentId } : { id, displayName, contextFreeName };

export const BROWSE_NODES: readonly BrowseNodeRecord[] = [
  node('3760911', 'Home & Kitchen'),
  node('3760921', 'Kitchen & Dining', '3760911'),
  node('3760931', 'Small Appliances', '3760921', 'Kitchen Small Appliances'),
  node('3760941', 'Cookware', '3760921'),
  node('3760951', 'Cutlery & Knife Accessories', '3760921'),
  node('3760961', 'Kitchen Utensils & Gadgets', '3760921'),
  node('3760971', 'Bedding', '3760911'),
  node('3760981', 'Bath', '3760911', 'Bath Products'),
  node('3760991', 'Home Décor', '3760911', 'Home Décor Products'),
  node('3761001', 'Lighting', '3760911', 'Home Lighting'),
  node('3375301', 'Sports & Outdoors'),
  node('3375311', 'Camping & Hiking', '3375301'),
  node('3375321', 'Tents & Shelters', '3375311', 'Camping Tents & Shelters'),
  node('3375331', 'Sleeping Bags & Camp Bedding', '3375311'),
  node('3375341', 'Hiking Gear', '3375311', 'Hiking Equipment'),
  node('3375351', 'Lights & Lanterns', '3375311', 'Camping Lights & Lanterns'),
  node('172282', 'Electronics'),
  node('172541', 'Headphones & Earbuds', '172282', 'Headphones'),
  node('172623', 'Portable Speakers', '172282', 'Portable Bluetooth Speakers'),
  node('172456', 'Computer Accessories', '172282', 'Computer Accessories & Peripherals'),
  node('7073956011', 'Chargers & Power Banks', '172282', 'Portable Power Banks & Chargers'),
  node('283155', 'Books'),
  node('17', 'Literature & Fiction', '283155', 'Literature & Fiction Books'),
  node('6', 'Cookbooks, Food & Wine', '283155', 'Cookbooks'),
  node('4', 'Travel', '283155', 'Travel Books'),
  node('2238192011', 'Gift Cards'),
];

const byId = new Map(BROWSE_NODES.map((n) => [n.id, n]));

export function browseNode(id: string): BrowseNodeRecord | undefined {
  return byId.get(id);
}

/** The node's ancestors, nearest first. */
export function ancestorsOf(id: string): BrowseNodeRecord[] {
  const out: BrowseNodeRecord[] = [];
  let parentId = byId.get(id)?.parentId;
  while (parentId) {
    const parent = byId.get(parentId);
    if (!parent) break;
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}

export function childrenOf(id: string): BrowseNodeRecord[] {
  return BROWSE_NODES.filter((n) => n.parentId === id);
}
