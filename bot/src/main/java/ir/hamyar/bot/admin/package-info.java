/** Administration: who the admins are and what they may do from the chat. */
package ir.hamyar.bot.admin;
