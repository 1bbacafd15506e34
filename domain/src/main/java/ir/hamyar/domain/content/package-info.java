/**
 * Admin-editable content (issue 9): the about text, the membership terms, the office rules and the labels of
 * the report categories and interests, kept as append-only versions keyed by a code, each with a Persian text
 * and optionally an English one; plus the editable lists themselves (add, rename, retire) and the offices'
 * donation links. {@link ir.hamyar.domain.content.ContentStore} and {@link ir.hamyar.domain.content.ContentLists}
 * are the façades; every edit is recorded in the audit trail as {@code CONTENT_EDITED}. The domain holds only what
 * admins changed: the texts shipped with the application are the bot's defaults.
 */
package ir.hamyar.domain.content;
