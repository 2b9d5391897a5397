import type { Lang } from '../state/langStore.ts';

/**
 * A roster to start from, with headers and roles the import reads (rosterColumns.ts), in the
 * page's language. UTF-8 with a BOM, so Excel on Chinese Windows opens it readable.
 */
const TEMPLATE: Record<Lang, readonly (readonly string[])[]> = {
  'zh-CN': [
    ['姓名', '英文名', '工号', '角色'],
    ['李娜', 'Li Na', 'A1001', '营业员'],
    ['陈静', 'Chen Jing', 'A1002', '流动营销'],
    ['王敏', 'Wang Min', 'A1003', '值班经理'],
  ],
  en: [
    ['Name', 'English name', 'Staff number', 'Role'],
    ['李娜', 'Li Na', 'A1001', 'consultant'],
    ['陈静', 'Chen Jing', 'A1002', 'floor marketer'],
    ['王敏', 'Wang Min', 'A1003', 'manager'],
  ],
};

export function rosterTemplate(lang: Lang): Blob {
  const text = TEMPLATE[lang].map((row) => row.join(',')).join('\r\n') + '\r\n';
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}
