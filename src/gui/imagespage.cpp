// SPDX-License-Identifier: Apache-2.0
#include "gui/imagespage.h"

#include "ui_imagespage.h"

#include "gui/dialogs.h"
#include "gui/formbinding.h"
#include "gui/icons.h"
#include "gui/projectdocument.h"

#include "jobs/bundleprep.h"
#include "model/era.h"
#include "model/validation.h"
#include "settings/secretstore.h"
#include "templates/templatesource.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent>

namespace FateDeployer {

namespace {
/// The image tag of a KubeFATE release's own .env (TAG): "1.11.2-release"; 1.1.0's is "1.1-release".
QString defaultImageTag(const QString &kubefateVersion)
{
    if (kubefateEra(kubefateVersion) == KubefateEra::V1_1)
        return QStringLiteral("1.1-release");
    return kubefateVersion + QStringLiteral("-release");
}
} // namespace

Result<QList<HostImages>> imagesPerHost(const Project &project, const QString &projectDir)
{
    const Result<RenderOutput> rendered = BundlePrep::render(project, projectDir);
    if (!rendered)
        return Error{rendered.error()};
    QList<HostImages> out;
    for (const Bundle &b : rendered->bundles)
        out.append(HostImages{
            b.host,
            b.kind == Bundle::Kind::Exchange ? QCoreApplication::translate("FateDeployer::ImagesPage", "exchange")
            : b.kind == Bundle::Kind::Serving
                ? QCoreApplication::translate("FateDeployer::ImagesPage", "serving of party %1").arg(b.partyId)
                : QCoreApplication::translate("FateDeployer::ImagesPage", "party %1").arg(b.partyId),
            b.facts.images});
    return out;
}

ImagesPage::ImagesPage(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ImagesPage>())
    , m_document(document)
    , m_downloader(new TemplateDownloader(this))
    , m_listTimer(new QTimer(this))
    , m_servingTagLabel(new QLabel(this))
    , m_servingTag(new QLineEdit(this))
{
    m_ui->setupUi(this);
    m_servingTag->setObjectName(QStringLiteral("servingTag"));
    m_servingTagLabel->setBuddy(m_servingTag);
    m_ui->imagesForm->addRow(m_servingTagLabel, m_servingTag);
    // Edits come in bursts (typing): render once they pause.
    m_listTimer->setSingleShot(true);
    m_listTimer->setInterval(250);
    connect(m_listTimer, &QTimer::timeout, this, &ImagesPage::listImages);
    ProjectDocument *doc = m_document;
    using FormBinding::lineEdit;

    m_ui->sourceKind->addItem(QString(), templateKindToString(TemplateSource::Kind::Folder));
    m_ui->sourceKind->addItem(QString(), templateKindToString(TemplateSource::Kind::Archive));
    m_ui->sourceKind->addItem(QString(), templateKindToString(TemplateSource::Kind::Url));

    // The version chooser: KubeFATE's releases whose behaviour is known, or a typed one. A choice applies at
    // once (the era's fields appear on every page); a typed version when the field is left, so that the
    // half-typed "1.1" of "1.11.2" never switches the era on the way.
    QComboBox *version = m_ui->kubefateVersion;
    version->addItems(Validator::knownKubefateVersions());
    version->setProperty("fd_field", QStringLiteral("templates.kubefateVersion"));
    version->lineEdit()->setProperty("fd_field", QStringLiteral("templates.kubefateVersion"));
    auto applyVersion = [doc](const QString &typed) {
        const QString v = typed.trimmed();
        if (v == doc->project().templates.kubefateVersion)
            return;
        doc->edit(tr("Change KubeFATE version"), [&v](Project &p) {
            // Image tags that were the old release's default follow the new release (KubeFATE's .env TAG).
            const bool defaultTag = p.images.tag == defaultImageTag(p.templates.kubefateVersion);
            p.setKubefateVersion(v);
            if (defaultTag)
                p.images.tag = defaultImageTag(v);
        });
    };
    connect(version, &QComboBox::textActivated, this, applyVersion);
    connect(version->lineEdit(), &QLineEdit::editingFinished, this, [version, applyVersion] {
        applyVersion(version->currentText());
    });
    auto showVersion = [doc, version] {
        const QString v = doc->project().templates.kubefateVersion;
        if (version->currentText() != v) {
            const QSignalBlocker blocker(version);
            const int index = version->findText(v);
            if (index >= 0)
                version->setCurrentIndex(index);
            version->setEditText(v);
        }
    };
    showVersion();
    connect(doc, &ProjectDocument::changed, version, showVersion);
    FormBinding::showIssues(version, doc, QStringLiteral("templates.kubefateVersion"));
    FormBinding::comboBox(
        m_ui->sourceKind,
        doc,
        QStringLiteral("templates.kind"),
        tr("Change template source"),
        [](const Project &p) { return QVariant(templateKindToString(p.templates.kind)); },
        [](Project &p, const QVariant &v) {
            p.templates.kind = templateKindFromString(v.toString()).value_or(TemplateSource::Kind::Folder);
        });
    lineEdit(
        m_ui->location,
        doc,
        QStringLiteral("templates.location"),
        tr("Change template location"),
        [](const Project &p) { return p.templates.location; },
        [](Project &p, const QString &v) { p.templates.location = v; });
    lineEdit(
        m_ui->sha256,
        doc,
        QStringLiteral("templates.sha256"),
        tr("Change template checksum"),
        [](const Project &p) { return p.templates.sha256; },
        [](Project &p, const QString &v) { p.templates.sha256 = v.toLower(); });
    lineEdit(
        m_ui->mirrorBase,
        doc,
        QStringLiteral("templates.mirrorBase"),
        tr("Change download mirror"),
        [](const Project &p) { return p.templates.mirrorBase; },
        [](Project &p, const QString &v) { p.templates.mirrorBase = v; });
    lineEdit(
        m_ui->imagePrefix,
        doc,
        QStringLiteral("images.prefix"),
        tr("Change image prefix"),
        [](const Project &p) { return p.images.prefix; },
        [](Project &p, const QString &v) { p.images.prefix = v; });
    lineEdit(
        m_ui->imageTag,
        doc,
        QStringLiteral("images.tag"),
        tr("Change image tag"),
        [](const Project &p) { return p.images.tag; },
        [](Project &p, const QString &v) { p.images.tag = v; });
    lineEdit(
        m_ui->baseTag,
        doc,
        QStringLiteral("images.baseTag"),
        tr("Change base tag"),
        [](const Project &p) { return p.images.baseTag; },
        [](Project &p, const QString &v) { p.images.baseTag = v; });
    lineEdit(
        m_ui->builderTag,
        doc,
        QStringLiteral("images.builderTag"),
        tr("Change builder tag"),
        [](const Project &p) { return p.images.builderTag; },
        [](Project &p, const QString &v) { p.images.builderTag = v; });
    lineEdit(
        m_servingTag,
        doc,
        QStringLiteral("images.servingTag"),
        tr("Change serving tag"),
        [](const Project &p) { return p.images.servingTag; },
        [](Project &p, const QString &v) { p.images.servingTag = v; });
    lineEdit(
        m_ui->registryUri,
        doc,
        QStringLiteral("registry.uri"),
        tr("Change registry address"),
        [](const Project &p) { return p.registry.uri; },
        [](Project &p, const QString &v) { p.registry.uri = v; });
    lineEdit(
        m_ui->registryUser,
        doc,
        QStringLiteral("registry.username"),
        tr("Change registry user"),
        [](const Project &p) { return p.registry.username; },
        [](Project &p, const QString &v) { p.registry.username = v; });
    lineEdit(
        m_ui->hubImages,
        doc,
        QStringLiteral("registry.dockerHubImages"),
        tr("Change images from Docker Hub"),
        [](const Project &p) { return p.registry.dockerHubImages.join(QStringLiteral(", ")); },
        [](Project &p, const QString &v) {
            static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
            p.registry.dockerHubImages = v.split(separators, Qt::SkipEmptyParts);
        });

    auto *group = new QButtonGroup(this);
    group->addButton(m_ui->dockerHubRadio, 0);
    group->addButton(m_ui->privateRadio, 1);
    connect(group, &QButtonGroup::idClicked, this, [doc](int id) {
        doc->edit(tr("Change registry"), [id](Project &p) { p.registry.usePrivate = id == 1; });
    });
    // The password never enters the project: typed here it goes straight to the keychain
    // (SecretStore, off the GUI thread) and the field is emptied; the engine reads it from there.
    m_ui->registryPassword->setEnabled(false);
    connect(m_ui->registryPassword, &QLineEdit::returnPressed, this, &ImagesPage::storePassword);
    connect(m_ui->registryPassword, &QLineEdit::editingFinished, this, &ImagesPage::storePassword);

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImagesPage::browse);
    connect(m_ui->fetchButton, &QPushButton::clicked, this, [this] {
        m_fetching = true;
        m_ui->fetchProgress->setRange(0, 0);
        m_ui->fetchStatus->setText(
            tr("Downloading the KubeFATE %1 templates…").arg(m_document->project().templates.kubefateVersion));
        refreshSourceWidgets();
        emit fetchRequested(m_document->project().templates);
    });
    connect(m_ui->fetchCancel, &QPushButton::clicked, this, &ImagesPage::fetchCancelRequested);
    // The downloader of src/core/render: asynchronous, cancellable, checks the sha256 when given.
    connect(this, &ImagesPage::fetchRequested, m_downloader, [this](const TemplateSource &source) {
        m_downloader->start(TemplateSources::downloadUrl(source), source.sha256);
    });
    connect(this, &ImagesPage::fetchCancelRequested, m_downloader, &TemplateDownloader::cancel);
    connect(m_downloader, &TemplateDownloader::progress, this, &ImagesPage::setFetchProgress);
    connect(m_downloader, &TemplateDownloader::stateChanged, m_ui->fetchStatus, &QLabel::setText);
    connect(m_downloader, &TemplateDownloader::finished, this, [this](const TemplateTree &tree) {
        const QString sha
            = TemplateSources::cachedUrlSha256(TemplateSources::downloadUrl(m_document->project().templates));
        setFetchFinished(true,
                         tr("KubeFATE %1 templates are ready in %2; sha256 %3 recorded.")
                             .arg(tree.kubefateVersion, QDir::toNativeSeparators(tree.root), sha));
        listImages(); // now they can be rendered
    });
    connect(m_downloader, &TemplateDownloader::failed, this, [this](const QString &error) {
        setFetchFinished(false, error);
    });
    connect(m_ui->testLoginButton, &QPushButton::clicked, this, [this] {
        // A password still in the field goes to the keychain first: the test reads it from there.
        storePassword();
        m_loginResults.clear();
        m_testingLogin = true;
        m_ui->loginResult->setText(tr("Testing the registry and its login from every host…"));
        refreshSourceWidgets();
        if (m_pendingStores > 0)
            m_testAfterStore = true;
        else
            emit testLoginRequested();
    });
    connect(m_ui->checkImagesButton, &QPushButton::clicked, this, &ImagesPage::checkImagesRequested);

    connect(m_document, &ProjectDocument::changed, this, [this] {
        const QSignalBlocker b1(m_ui->dockerHubRadio);
        const QSignalBlocker b2(m_ui->privateRadio);
        (m_document->project().registry.usePrivate ? m_ui->privateRadio : m_ui->dockerHubRadio)->setChecked(true);
        refreshSourceWidgets();
        refreshEraRows();
        m_listTimer->start();
    });
    // Check results belong to the project on the hosts: kept across edits and language switches
    // (the tree is rebuilt), forgotten when another project is opened.
    connect(m_document, &ProjectDocument::documentReset, this, [this] {
        m_presence.clear();
        m_hostImages.clear();
        listImages();
    });
    m_ui->imageTree->header()->setStretchLastSection(false);
    m_ui->imageTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->imageTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    retranslate();
    (m_document->project().registry.usePrivate ? m_ui->privateRadio : m_ui->dockerHubRadio)->setChecked(true);
    refreshSourceWidgets();
    refreshEraRows();
    listImages();
}

ImagesPage::~ImagesPage() = default;

void ImagesPage::listImages()
{
    m_listTimer->stop();
    const int generation = ++m_listGeneration;
    const Project project = m_document->project();
    const QString path = m_document->filePath();
    const QString projectDir = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    QPointer<ImagesPage> self(this);
    QtConcurrent::run([project, projectDir] {
        // A URL source not downloaded yet cannot be rendered: the page offers the download instead.
        const bool notDownloaded
            = project.templates.kind == TemplateSource::Kind::Url
              && !TemplateSources::cachedUrl(TemplateSources::downloadUrl(project.templates), project.templates.sha256);
        return std::pair{imagesPerHost(project, projectDir), notDownloaded};
    }).then(this, [self, generation](const std::pair<Result<QList<HostImages>>, bool> &listed) {
        if (!self || generation != self->m_listGeneration)
            return;
        const Result<QList<HostImages>> &images = listed.first;
        self->m_hostImages = images ? images.value() : QList<HostImages>();
        self->m_listError = images ? QString() : images.error();
        self->m_notDownloaded = !images && listed.second;
        self->refreshImages();
    });
}

void ImagesPage::setSecretStore(std::shared_ptr<SecretStore> store)
{
    m_secrets = std::move(store);
    m_checkedKey.clear();
    refreshSourceWidgets();
}

void ImagesPage::storePassword()
{
    const QString secret = m_ui->registryPassword->text();
    const RegistrySettings &r = m_document->project().registry;
    if (secret.isEmpty() || !m_secrets || r.uri.isEmpty() || r.username.isEmpty())
        return;
    m_ui->registryPassword->clear();
    const QString key = SecretStore::registryPasswordKey(r.uri, r.username);
    m_ui->registryNote->setText(tr("Storing the password in the system keychain…"));
    ++m_pendingStores;
    QPointer<ImagesPage> self(this);
    QtConcurrent::run([store = m_secrets, key, secret] {
        return store->write(key, secret);
    }).then(this, [self, key](const Status &status) {
        if (!self)
            return;
        if (--self->m_pendingStores == 0 && std::exchange(self->m_testAfterStore, false))
            emit self->testLoginRequested();
        self->m_checkedKey = key;
        self->m_ui->registryNote->setText(
            status ? tr("The password is stored in the system keychain, not in the project file.")
                   : tr("The keychain refused the password: %1. The deployer will ask for it when it pulls.")
                         .arg(status.error()));
        self->m_ui->registryPassword->setPlaceholderText(status ? tr("stored in the system keychain")
                                                                : tr("not stored"));
    });
}

void ImagesPage::refreshPasswordState()
{
    const RegistrySettings &r = m_document->project().registry;
    const bool usable = m_secrets && r.usePrivate && !r.uri.isEmpty() && !r.username.isEmpty();
    m_ui->registryPassword->setEnabled(usable);
    if (!usable) {
        m_ui->registryPassword->setPlaceholderText(tr("asked when needed, kept in the system keychain"));
        return;
    }
    const QString key = SecretStore::registryPasswordKey(r.uri, r.username);
    if (key == m_checkedKey)
        return;
    m_checkedKey = key;
    QPointer<ImagesPage> self(this);
    QtConcurrent::run([store = m_secrets, key] {
        return store->read(key);
    }).then(this, [self, key](const Result<std::optional<QString>> &stored) {
        if (!self || self->m_checkedKey != key)
            return;
        if (!stored)
            self->m_ui->registryPassword->setPlaceholderText(tr("keychain unavailable: asked when needed"));
        else if (stored.value())
            self->m_ui->registryPassword->setPlaceholderText(tr("stored in the system keychain"));
        else
            self->m_ui->registryPassword->setPlaceholderText(tr("type it to keep it in the system keychain"));
    });
}

void ImagesPage::setCapabilities(bool canTestLogin, bool canCheckImages)
{
    m_canTestLogin = canTestLogin;
    m_canCheck = canCheckImages;
    refreshSourceWidgets();
}

void ImagesPage::setFetchProgress(qint64 received, qint64 total)
{
    if (total > 0) {
        // Progress bars hold ints: scale to per-mille so archives over 2 GiB still show.
        m_ui->fetchProgress->setRange(0, 1000);
        m_ui->fetchProgress->setValue(int(1000 * received / total));
    } else {
        m_ui->fetchProgress->setRange(0, 0);
    }
    m_ui->fetchStatus->setText(tr("%1 received").arg(QLocale().formattedDataSize(received)));
}

void ImagesPage::setFetchFinished(bool ok, const QString &message)
{
    m_fetching = false;
    m_ui->fetchProgress->setRange(0, 1000);
    m_ui->fetchProgress->setValue(ok ? 1000 : 0);
    m_ui->fetchStatus->setText(message);
    refreshSourceWidgets();
}

void ImagesPage::addLoginResult(const QString &host, bool ok, const QString &message)
{
    if (!m_testingLogin)
        return; // a deploy's or preflight's registry step: shown on the Deploy page
    m_loginResults.append(ok ? tr("%1: ✔ %2").arg(host, message) : tr("%1: ✘ %2").arg(host, message));
    m_ui->loginResult->setText(m_loginResults.join(QLatin1Char('\n')));
}

void ImagesPage::setLoginTestFinished(bool ok, const QString &summary)
{
    if (!std::exchange(m_testingLogin, false))
        return;
    refreshSourceWidgets();
    if (m_loginResults.isEmpty()) // no host reached the registry step (e.g. SSH failed): say why
        m_ui->loginResult->setText(ok ? summary : tr("The test did not reach the registry: %1").arg(summary));
}

void ImagesPage::setImagePresence(const QString &host, const QString &image, bool present)
{
    m_presence.insert(host + QLatin1Char('\n') + image, present);
    for (int i = 0; i < m_ui->imageTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *hostItem = m_ui->imageTree->topLevelItem(i);
        if (hostItem->data(0, Qt::UserRole).toString() != host)
            continue;
        for (int j = 0; j < hostItem->childCount(); ++j) {
            QTreeWidgetItem *item = hostItem->child(j);
            if (item->text(0) == image) {
                item->setIcon(1, Icons::icon(present ? Icons::Glyph::Ok : Icons::Glyph::Error));
                item->setText(1, present ? tr("present") : tr("missing: will be pulled"));
            }
        }
    }
}

void ImagesPage::refreshSourceWidgets()
{
    const TemplateSource::Kind kind = m_document->project().templates.kind;
    m_ui->browseButton->setEnabled(kind != TemplateSource::Kind::Url);
    m_ui->location->setPlaceholderText(
        kind == TemplateSource::Kind::Folder    ? tr("folder containing docker-deploy/ of KubeFATE")
        : kind == TemplateSource::Kind::Archive ? tr("kubefate-docker-compose-*.tar.gz")
                                                : tr("empty: download from the mirror or the official release"));
    m_ui->mirrorBase->setEnabled(kind == TemplateSource::Kind::Url);
    m_ui->sha256->setEnabled(kind != TemplateSource::Kind::Folder);
    const bool fetchable = kind == TemplateSource::Kind::Url;
    m_ui->fetchButton->setVisible(fetchable);
    m_ui->fetchProgress->setVisible(fetchable);
    m_ui->fetchCancel->setVisible(fetchable);
    m_ui->fetchButton->setEnabled(!m_fetching);
    m_ui->fetchCancel->setEnabled(m_fetching);
    m_ui->fetchButton->setToolTip(
        tr("Download %1 into the template cache")
            .arg(TemplateSources::downloadUrl(m_document->project().templates).toDisplayString()));
    const bool usePrivate = m_document->project().registry.usePrivate;
    m_ui->registryUri->setEnabled(usePrivate);
    m_ui->registryUser->setEnabled(usePrivate);
    m_ui->testLoginButton->setEnabled(usePrivate && m_canTestLogin && !m_testingLogin);
    m_ui->testLoginButton->setToolTip(
        tr("Checks from every host that the registry answers and accepts the login (stored password, or the "
           "host's own docker login), without deploying."));
    m_ui->hubImages->setEnabled(usePrivate);
    refreshPasswordState();
    m_ui->checkImagesButton->setEnabled(m_canCheck && !m_document->project().parties.isEmpty());
    m_ui->checkImagesButton->setToolTip(m_canCheck ? QString() : tr("Open a project with at least one party first."));
}

void ImagesPage::refreshEraRows()
{
    // Base and builder tags exist only in 1.1.0's .env; SERVING_TAG only where the era has FATE-Serving.
    const KubefateEra era = kubefateEra(m_document->project().templates.kubefateVersion);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->baseTag),
                       static_cast<QWidget *>(m_ui->baseTagLabel),
                       static_cast<QWidget *>(m_ui->builderTag),
                       static_cast<QWidget *>(m_ui->builderTagLabel)})
        w->setVisible(era == KubefateEra::V1_1);
    m_servingTag->setVisible(eraHasServing(era));
    m_servingTagLabel->setVisible(eraHasServing(era));
}

void ImagesPage::refreshImages()
{
    m_ui->imageTree->clear();
    if (m_notDownloaded && m_document->isOpen()) {
        auto *item = new QTreeWidgetItem(m_ui->imageTree);
        item->setText(0,
                      tr("The KubeFATE %1 templates are not downloaded yet; the images of each host are listed "
                         "from them.")
                          .arg(m_document->project().templates.kubefateVersion));
        item->setIcon(0, Icons::icon(Icons::Glyph::Warning));
        auto *download = new QPushButton(tr("Download now"));
        download->setObjectName(QStringLiteral("downloadTemplatesButton"));
        download->setEnabled(!m_fetching);
        connect(download, &QPushButton::clicked, m_ui->fetchButton, &QPushButton::click);
        m_ui->imageTree->setItemWidget(item, 1, download);
        return;
    }
    if (!m_listError.isEmpty() && m_document->isOpen()) {
        auto *item = new QTreeWidgetItem(m_ui->imageTree);
        item->setText(0, tr("The images are listed from the rendered compose files: %1").arg(m_listError));
        item->setIcon(0, Icons::icon(Icons::Glyph::Warning));
        return;
    }
    for (const HostImages &h : std::as_const(m_hostImages)) {
        auto *hostItem = new QTreeWidgetItem(m_ui->imageTree);
        hostItem->setText(0, tr("%1 (%2)").arg(h.host.isEmpty() ? tr("(no host)") : h.host, h.role));
        hostItem->setData(0, Qt::UserRole, h.host);
        hostItem->setFirstColumnSpanned(false);
        for (const QString &image : h.images) {
            auto *item = new QTreeWidgetItem(hostItem);
            item->setText(0, image);
            const auto known = m_presence.constFind(h.host + QLatin1Char('\n') + image);
            if (known == m_presence.cend()) {
                item->setText(1, tr("not checked"));
            } else {
                item->setIcon(1, Icons::icon(*known ? Icons::Glyph::Ok : Icons::Glyph::Error));
                item->setText(1, *known ? tr("present") : tr("missing: will be pulled"));
            }
        }
        hostItem->setExpanded(true);
    }
}

void ImagesPage::browse()
{
    const TemplateSource::Kind kind = m_document->project().templates.kind;
    auto apply = [doc = m_document](const QString &path) {
        if (!path.isEmpty())
            doc->edit(tr("Change template location"), [&path](Project &p) { p.templates.location = path; });
    };
    if (kind == TemplateSource::Kind::Folder)
        Dialogs::openDirectory(this, tr("KubeFATE folder"), apply);
    else
        Dialogs::openFile(this, tr("KubeFATE archive"), tr("Archives (*.tar.gz *.tgz *.tar *.zip)"), apply);
}

void ImagesPage::retranslate()
{
    m_ui->sourceKind->setItemText(0, tr("Folder", "template source: a local folder"));
    m_ui->sourceKind->setItemText(1, tr("Archive", "template source: a local .tar.gz"));
    m_ui->sourceKind->setItemText(2, tr("Download", "template source: fetched from a URL"));
    m_servingTagLabel->setText(tr("Se&rving tag:"));
    m_servingTag->setToolTip(tr("Tag of the FATE-Serving images (SERVING_TAG of KubeFATE's .env)"));
    m_checkedKey.clear(); // placeholders are re-read in the new language
    m_ui->registryNote->setText(tr("With a private registry every image is pulled as address/prefix/name:tag, "
                                   "including mysql and redis unless they are listed under \"From Docker Hub\". "
                                   "The password is never stored in the project file."));
    m_ui->hubImages->setPlaceholderText(tr("third-party images your registry does not mirror, e.g. mysql, redis"));
    refreshSourceWidgets();
    refreshImages();
}

void ImagesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace FateDeployer
