fn main() {
    lobbydesk::start();
}
