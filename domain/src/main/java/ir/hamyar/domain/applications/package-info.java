/**
 * Founding applications (DESIGN §7): a member applies to found a county office or a local centre, names
 * co-founders who confirm, accepts the four principles; reviewers (admins and the province's manager) ask for
 * more information, approve — which creates the office, its founding permit and the founder's manager
 * decree — or reject. {@link ir.hamyar.domain.applications.Applications} is the façade.
 */
package ir.hamyar.domain.applications;
