//! Mounts the web app. Nothing else belongs here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(support_navigator::ui::App);
}
