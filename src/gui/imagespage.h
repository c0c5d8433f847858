// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QHash>
#include <QWidget>

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
/// FATE 1.1 docker-deploy: every party host runs the seven FATE modules plus mysql:8 and
/// redis:5; the exchange host runs the proxy image. With a private registry every image,
/// mysql/redis included, comes from uri/prefix/ (as the renderer writes it, see docs/render.md).
QList<HostImages> imagesPerHost(const Project &project);

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
    void refreshSourceWidgets();
    void browse();
    void storePassword();
    void refreshPasswordState();

    std::unique_ptr<Ui::ImagesPage> m_ui;
    ProjectDocument *m_document;
    TemplateDownloader *m_downloader;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_checkedKey;
    QHash<QString, bool> m_presence; ///< "host\nimage" → present, from the last checks
    bool m_canTestLogin = false;
    bool m_canCheck = false;
    bool m_fetching = false;
};

} // namespace FateDeployer
