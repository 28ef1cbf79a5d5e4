//! Rebuild when shipped material changes: `include_dir!` alone does not tell cargo to watch it.
fn main() {
    println!("cargo:rerun-if-changed=corpora");
    println!("cargo:rerun-if-changed=exercises");
    println!("cargo:rerun-if-changed=scenarios");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=migrations");
}
