// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "util/result.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;

#include <memory>

namespace Ui {
class ImagesPage;
}

namespace FateDeployer {

class ProjectDocument;
class TemplateDownloader;
class SecretStore;

/// The images one host needs for a project, as "registry/prefix/module:tag".
struct HostImages
{
    QString host;
    QString role; ///< "party 10000", "exchange"
    QStringList images;
};
/// The images of every host, read from the project's rendered compose files (the same facts
/// preflight checks), whatever the KubeFATE era. Blocking (reads the templates): call it off the
/// GUI thread. @p projectDir resolves relative template paths.
Result<QList<HostImages>> imagesPerHost(const Project &project, const QString &projectDir);

/// Images & registry page: KubeFATE version and template source, image prefix and tags,
/// registry, and the images each host will need. Network work (template download, registry
/// login, image check) is requested through signals and reported back through the setters.
class ImagesPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesPage)

public:
    explicit ImagesPage(ProjectDocument *document, QWidget *parent = nullptr);
    ~ImagesPage() override;

    /// Enables the buttons whose back ends exist in this build.
    void setCapabilities(bool canTestLogin, bool canCheckImages);
    /// Where the registry password goes (the keychain); without one the field stays disabled.
    void setSecretStore(std::shared_ptr<SecretStore> store);
    void setFetchProgress(qint64 received, qint64 total);
    void setFetchFinished(bool ok, const QString &message);
    /// One host's result of "Test login" (ignored when no test was asked for on this page).
    void addLoginResult(const QString &host, bool ok, const QString &message);
    /// The run of "Test login" ended (@p summary: the run's own words, shown when no host reported).
    void setLoginTestFinished(bool ok, const QString &summary);
    /// Marks @p image on @p host as present or missing after a check.
    void setImagePresence(const QString &host, const QString &image, bool present);

signals:
    void fetchRequested(const FateDeployer::TemplateSource &source);
    void fetchCancelRequested();
    void testLoginRequested();
    void checkImagesRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshImages();
    void listImages(); ///< renders off the GUI thread, then refreshImages()
    void refreshSourceWidgets();
    void refreshEraRows(); ///< the image tags the project's KubeFATE era uses
    void browse();
    void storePassword();
    void refreshPasswordState();

    std::unique_ptr<Ui::ImagesPage> m_ui;
    ProjectDocument *m_document;
    TemplateDownloader *m_downloader;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_checkedKey;
    QHash<QString, bool> m_presence; ///< "host\nimage" → present, from the last checks
    QList<HostImages> m_hostImages;  ///< from the last render
    QString m_listError;             ///< why the last render gave no list
    int m_listGeneration = 0;        ///< answers of older renders are dropped
    QTimer *m_listTimer;
    QLabel *m_servingTagLabel;
    QLineEdit *m_servingTag; ///< FATE-Serving's images (v1.11.2+, SERVING_TAG)
    bool m_canTestLogin = false;
    bool m_canCheck = false;
    bool m_fetching = false;
    bool m_notDownloaded = false; ///< the last list failed because a URL source is not downloaded yet
    bool m_testingLogin = false;
    bool m_testAfterStore = false; ///< "Test login" waits for the password being stored
    int m_pendingStores = 0;
    QStringList m_loginResults;
};

} // namespace FateDeployer
