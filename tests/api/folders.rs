use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn create_list_get_rename_and_delete() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;

    let root = app.create_folder(&year, "Achats", None).await;
    let root = root.ok(201).clone();
    let id = root["id"].as_str().unwrap();
    let child = app.create_folder(&year, "Janvier", Some(id)).await.ok(201).clone();
    let renamed = app.patch(&app.year_path(&year, &format!("/folders/{id}")), json!({"name": "Ventes"})).await;

    assert_eq!(root["idFolderParent"], serde_json::Value::Null);
    assert_eq!(child["idFolderParent"], id);
    assert_eq!(renamed.ok(200)["name"], "Ventes");
    let list = app.get(&app.year_path(&year, "/folders")).await;
    assert_eq!(list.ok(200).as_array().unwrap().len(), 2);
    let got = app.get(&app.year_path(&year, &format!("/folders/{id}"))).await;
    assert_eq!(got.ok(200)["name"], "Ventes");
    let child_id = child["id"].as_str().unwrap();
    assert_eq!(app.delete(&app.year_path(&year, &format!("/folders/{child_id}"))).await.status, 204);
    assert_eq!(app.delete(&app.year_path(&year, &format!("/folders/{id}"))).await.status, 204);
    app.get(&app.year_path(&year, &format!("/folders/{id}"))).await.problem(404, "not_found");
}

#[tokio::test]
async fn sibling_names_are_unique_case_insensitively() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let parent = app.create_folder(&year, "Achats", None).await.id();
    app.create_folder(&year, "Été", Some(&parent)).await.ok(201);
    let other = app.create_folder(&year, "Hiver", Some(&parent)).await.id();

    app.create_folder(&year, "ÉTÉ", Some(&parent)).await.problem(409, "name_taken");
    app.create_folder(&year, "achats", None).await.problem(409, "name_taken");
    let rename = app.patch(&app.year_path(&year, &format!("/folders/{other}")), json!({"name": "été"})).await;
    rename.problem(409, "name_taken");
    // The same name elsewhere in the tree is fine.
    app.create_folder(&year, "Été", None).await.ok(201);
    // Moving next to a sibling of the same name collides too.
    let root_ete = app.create_folder(&year, "Hiver", None).await.id();
    let moved =
        app.patch(&app.year_path(&year, &format!("/folders/{root_ete}")), json!({"idFolderParent": parent})).await;
    moved.problem(409, "name_taken");
}

#[tokio::test]
async fn moves_into_own_subtree_are_refused_and_null_moves_to_root() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let a = app.create_folder(&year, "A", None).await.id();
    let b = app.create_folder(&year, "B", Some(&a)).await.id();
    let c = app.create_folder(&year, "C", Some(&b)).await.id();
    let path = |id: &str| app.year_path(&year, &format!("/folders/{id}"));

    app.patch(&path(&a), json!({"idFolderParent": c})).await.problem(409, "folder_cycle");
    app.patch(&path(&a), json!({"idFolderParent": a})).await.problem(409, "folder_cycle");
    let to_root = app.patch(&path(&c), json!({"idFolderParent": null})).await;
    let under_c = app.patch(&path(&a), json!({"idFolderParent": c})).await;

    assert_eq!(to_root.ok(200)["idFolderParent"], serde_json::Value::Null);
    assert_eq!(under_c.ok(200)["idFolderParent"], c);
}

#[tokio::test]
async fn depth_is_limited_to_32() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let mut parent: Option<String> = None;
    for level in 1..=32 {
        let id = app.create_folder(&year, &format!("L{level}"), parent.as_deref()).await.id();
        parent = Some(id);
    }

    let too_deep = app.create_folder(&year, "L33", parent.as_deref()).await;
    let other = app.create_folder(&year, "Other", None).await.id();
    let sub = app.create_folder(&year, "Sub", Some(&other)).await.id();
    let deepest_minus_one = app.get(&app.year_path(&year, &format!("/folders/{}", parent.clone().unwrap()))).await;
    let level31 = deepest_minus_one.body["idFolderParent"].as_str().unwrap().to_owned();
    // "Other" has two levels: under level 31 it would reach 33.
    let moved =
        app.patch(&app.year_path(&year, &format!("/folders/{other}")), json!({"idFolderParent": level31})).await;

    assert_eq!(too_deep.problem(409, "folder_too_deep")["maxDepth"], 32);
    moved.problem(409, "folder_too_deep");
    let _ = sub;
}

#[tokio::test]
async fn non_empty_folders_are_not_deleted_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let a = app.create_folder(&year, "A", None).await.id();
    let b = app.create_folder(&year, "B", None).await.id();
    app.create_folder(&year, "A1", Some(&a)).await.ok(201);
    let file = app.create_file(&year, json!({"name": "f.pdf", "idFolder": b})).await.id();

    app.delete(&app.year_path(&year, &format!("/folders/{a}"))).await.problem(409, "folder_not_empty");
    app.delete(&app.year_path(&year, &format!("/folders/{b}"))).await.problem(409, "folder_not_empty");

    assert_eq!(app.get(&app.year_path(&year, "/folders")).await.body.as_array().unwrap().len(), 3);
    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.ok(200)["idFolder"], b);
}

#[tokio::test]
async fn parent_must_exist_in_the_same_year() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let other_year = app.create_year().await;
    let foreign = app.create_folder(&other_year, "Ailleurs", None).await.id();
    let local = app.create_folder(&year, "Ici", None).await.id();

    app.create_folder(&year, "X", Some(&foreign)).await.problem(404, "not_found");
    app.create_folder(&year, "X", Some("01m8hn6b4b9c7nabdj579d3wst")).await.problem(404, "not_found");
    let moved =
        app.patch(&app.year_path(&year, &format!("/folders/{local}")), json!({"idFolderParent": foreign})).await;
    moved.problem(404, "not_found");
}

#[tokio::test]
async fn body_folder_id_must_match_the_path() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let a = app.create_folder(&year, "A", None).await.id();
    let path = app.year_path(&year, &format!("/folders/{a}"));

    let wrong = app.patch(&path, json!({"idFolder": "01m8hn6b4b9c7nabdj579d3wst", "name": "B"})).await;
    let same = app.patch(&path, json!({"idFolder": a, "name": "B"})).await;

    assert_eq!(wrong.problem(400, "invalid_request")["field"], "idFolder");
    assert_eq!(same.ok(200)["name"], "B");
}

#[tokio::test]
async fn folder_names_with_invisible_format_characters_are_refused() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let path = app.year_path(&year, &format!("/folders/{folder}"));

    for name in ["Achats\u{202E}", "Ach\u{200B}ats", "\u{FEFF}Achats", "\u{2067}Achats\u{2069}"] {
        let created = app.create_folder(&year, name, None).await;
        let renamed = app.patch(&path, json!({"name": name})).await;

        assert_eq!(created.problem(400, "invalid_request")["field"], "name", "{name:?}");
        assert_eq!(renamed.problem(400, "invalid_request")["field"], "name", "{name:?}");
    }
    assert_eq!(app.get(&app.year_path(&year, "/folders")).await.body.as_array().unwrap().len(), 1);
    assert_eq!(app.get(&path).await.body["name"], "Achats");
}
