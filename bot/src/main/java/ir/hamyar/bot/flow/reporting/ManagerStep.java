package ir.hamyar.bot.flow.reporting;

/** The single step of the short manager forms (reject reason, note). */
enum ManagerStep { TEXT }
