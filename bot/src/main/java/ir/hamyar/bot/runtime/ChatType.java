package ir.hamyar.bot.runtime;

public enum ChatType {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    public boolean isGroup() {
        return this == GROUP || this == SUPERGROUP;
    }
}
