//! The model written as plain Atom 1.0, the one dialect feed-rs reads without loss: every text
//! as `type="html"`, every date already RFC 3339.

use super::model::{Link, Model};
use super::tree::escape;

pub(super) fn write_atom(model: &Model) -> Vec<u8> {
    let mut out = String::with_capacity(4096 + model.entries.len() * 1024);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    if let Some(lang) = &model.lang {
        out.push_str(&format!(" xml:lang=\"{}\"", escape(lang.trim())));
    }
    out.push_str(">\n");
    if let Some(t) = &model.title {
        out.push_str(&format!("<title type=\"html\">{}</title>\n", escape(t)));
    }
    if let Some(id) = &model.id {
        out.push_str(&format!("<id>{}</id>\n", escape(id)));
    }
    write_links(&model.links, &mut out);
    if let Some(d) = &model.date {
        out.push_str(&format!("<updated>{d}</updated>\n"));
    }
    for e in &model.entries {
        out.push_str("<entry>\n");
        if let Some(id) = &e.id {
            out.push_str(&format!("<id>{}</id>\n", escape(id)));
        }
        if let Some(t) = &e.title {
            out.push_str(&format!("<title type=\"html\">{}</title>\n", escape(t)));
        }
        write_links(&e.links, &mut out);
        if let Some(d) = &e.published {
            out.push_str(&format!("<published>{d}</published>\n"));
        }
        if let Some(d) = &e.updated {
            out.push_str(&format!("<updated>{d}</updated>\n"));
        }
        for a in &e.authors {
            out.push_str(&format!("<author><name>{}</name></author>\n", escape(a)));
        }
        if let Some(c) = &e.content {
            match &e.lang {
                Some(l) => out.push_str(&format!(
                    "<content type=\"html\" xml:lang=\"{}\">",
                    escape(l.trim())
                )),
                None => out.push_str("<content type=\"html\">"),
            }
            out.push_str(&escape(c));
            out.push_str("</content>\n");
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

fn write_links(links: &[Link], out: &mut String) {
    for l in links {
        out.push_str(&format!(
            "<link rel=\"{}\" href=\"{}\"/>\n",
            escape(&l.rel),
            escape(&l.href)
        ));
    }
}
