// SPDX-License-Identifier: Apache-2.0
#include "gui/engineform.h"

#include "gui/formbinding.h"
#include "gui/projectdocument.h"

#include "model/era.h"
#include "settings/secretstore.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSpinBox>
#include <QtConcurrent>
#include <algorithm>

namespace FateDeployer {

namespace {

/// Fills @p combo with @p choices (KubeFATE's own words, not translated) plus the project's value when the
/// era rejects it, so the field shows what the project says and the validator's reason beside it.
void setChoices(QComboBox *combo, QStringList choices, const QString &current)
{
    if (!current.isEmpty() && !choices.contains(current))
        choices.append(current);
    QStringList shown;
    for (int i = 0; i < combo->count(); ++i)
        shown.append(combo->itemData(i).toString());
    const QSignalBlocker blocker(combo);
    if (shown != choices) {
        combo->clear();
        for (const QString &choice : std::as_const(choices))
            combo->addItem(choice, choice);
    }
    combo->setCurrentIndex(combo->findData(current));
}

/// The first of @p choices unless @p value is one of them.
QString keepOrFirst(const QString &value, const QStringList &choices)
{
    return choices.contains(value) || choices.isEmpty() ? value : choices.first();
}

} // namespace

EngineForm::EngineForm(ProjectDocument *document, QWidget *parent)
    : QGroupBox(parent)
    , m_document(document)
    , m_form(new QFormLayout(this))
    , m_computing(new QComboBox(this))
    , m_federation(new QComboBox(this))
    , m_storage(new QComboBox(this))
    , m_algorithm(new QComboBox(this))
    , m_device(new QComboBox(this))
    , m_gpuCount(new QSpinBox(this))
    , m_computeCore(new QSpinBox(this))
    , m_gpuLabel(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("engineGroup"));
    m_computing->setObjectName(QStringLiteral("engineComputing"));
    m_federation->setObjectName(QStringLiteral("engineFederation"));
    m_storage->setObjectName(QStringLiteral("engineStorage"));
    m_algorithm->setObjectName(QStringLiteral("engineAlgorithm"));
    m_device->setObjectName(QStringLiteral("engineDevice"));
    m_gpuCount->setObjectName(QStringLiteral("engineGpuCount"));
    m_computeCore->setObjectName(QStringLiteral("engineComputeCore"));
    m_gpuCount->setRange(1, 64);
    m_computeCore->setRange(1, 4096);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("engineNote"));

    ProjectDocument *doc = m_document;
    // Each combo: choices of the era (and of the chosen computing), one undo step per choice.
    struct Choice
    {
        QComboBox *combo;
        const char *field;
        std::function<void(Project &, const QString &)> set;
    };
    const Choice choices[] = {
        {m_computing,
         "engine.computing",
         [](Project &p, const QString &v) {
             // A computing engine brings its own federation and storage choices: keep the ones still possible,
             // else take the era's first, so a choice never leaves the project invalid behind the user's back.
             const KubefateEra era = kubefateEra(p.templates.kubefateVersion);
             p.engine.computing = v;
             p.engine.federation = keepOrFirst(p.engine.federation, federationChoices(era, v));
             p.engine.storage = keepOrFirst(p.engine.storage, storageChoices(era, v));
         }},
        {m_federation, "engine.federation", [](Project &p, const QString &v) { p.engine.federation = v; }},
        {m_storage, "engine.storage", [](Project &p, const QString &v) { p.engine.storage = v; }},
        {m_algorithm, "engine.algorithm", [](Project &p, const QString &v) { p.engine.algorithm = v; }},
        {m_device, "engine.device", [](Project &p, const QString &v) { p.engine.device = v; }},
    };
    for (const Choice &c : choices) {
        c.combo->setProperty("fd_field", QLatin1String(c.field));
        connect(c.combo, &QComboBox::activated, this, [doc, combo = c.combo, set = c.set](int index) {
            const QString value = combo->itemData(index).toString();
            doc->edit(tr("Change %1", "undo: change an engine setting").arg(combo->property("fd_label").toString()),
                      [&](Project &p) { set(p, value); });
        });
        FormBinding::showIssues(c.combo, doc, QLatin1String(c.field));
    }
    FormBinding::spinBox(
        m_gpuCount,
        doc,
        QStringLiteral("engine.gpuCount"),
        tr("Change GPU count"),
        [](const Project &p) { return p.engine.gpuCount; },
        [](Project &p, int v) { p.engine.gpuCount = v; });
    FormBinding::spinBox(
        m_computeCore,
        doc,
        QStringLiteral("engine.computeCore"),
        tr("Change compute cores"),
        [](const Project &p) { return p.engine.computeCore; },
        [](Project &p, int v) { p.engine.computeCore = v; });

    auto *device = new QHBoxLayout;
    device->addWidget(m_device, 1);
    device->addWidget(m_gpuLabel);
    device->addWidget(m_gpuCount);
    const std::pair<QWidget *, QLayout *> rows[] = {{m_computing, nullptr},
                                                    {m_federation, nullptr},
                                                    {m_storage, nullptr},
                                                    {m_algorithm, nullptr},
                                                    {m_device, device},
                                                    {m_computeCore, nullptr}};
    for (const auto &[buddy, layout] : rows) {
        auto *label = new QLabel(this);
        label->setBuddy(buddy);
        if (layout)
            m_form->addRow(label, layout);
        else
            m_form->addRow(label, buddy);
        m_rowLabels.append(label);
    }
    m_gpuLabel->setBuddy(m_gpuCount);

    // The passwords never enter the project: typed here they go to the keychain (off the GUI thread) and the
    // field is emptied; a deploy reads them from there (RunSession).
    const std::pair<ServiceSecrets::Kind, const char *> secrets[]
        = {{ServiceSecrets::Kind::MysqlPassword, "mysqlPassword"},
           {ServiceSecrets::Kind::FateboardPassword, "fateboardPassword"},
           {ServiceSecrets::Kind::ServingAdminPassword, "servingAdminPassword"}};
    for (const auto &[kind, name] : secrets) {
        SecretField field{kind, new QLineEdit(this), new QLabel(this), {}};
        field.edit->setObjectName(QLatin1String(name));
        field.edit->setEchoMode(QLineEdit::Password);
        field.edit->setEnabled(false);
        field.label->setBuddy(field.edit);
        m_form->addRow(field.label, field.edit);
        m_secretFields.append(field);
    }
    for (int i = 0; i < m_secretFields.size(); ++i) {
        QLineEdit *edit = m_secretFields.at(i).edit;
        connect(edit, &QLineEdit::editingFinished, this, [this, i] { storeSecret(m_secretFields[i]); });
    }
    m_form->addRow(m_note);

    connect(m_document, &ProjectDocument::changed, this, &EngineForm::refresh);
    retranslate();
}

EngineForm::~EngineForm() = default;

void EngineForm::setSecretStore(std::shared_ptr<SecretStore> store)
{
    m_secrets = std::move(store);
    for (SecretField &field : m_secretFields)
        field.checkedKey.clear();
    refresh();
}

void EngineForm::refresh()
{
    const Project &p = m_document->project();
    const KubefateEra era = kubefateEra(p.templates.kubefateVersion);
    setVisible(m_document->isOpen() && eraHasEngine(era));
    setTitle(tr("FATE engine (KubeFATE %1)").arg(p.templates.kubefateVersion));
    refreshChoices();
    const bool gpu = p.engine.device == QLatin1String("GPU");
    m_gpuCount->setEnabled(gpu);
    m_gpuLabel->setEnabled(gpu);
    // The serving-admin password matters only to FATE-Serving: shown once a party has a serving host.
    const bool anyServing = std::any_of(
        p.parties.cbegin(), p.parties.cend(), [](const Party &party) { return !party.servingHost.isEmpty(); });
    for (SecretField &field : m_secretFields) {
        if (field.kind == ServiceSecrets::Kind::ServingAdminPassword)
            m_form->setRowVisible(field.edit, anyServing);
        refreshSecretState(field);
    }
}

void EngineForm::refreshChoices()
{
    const Project &p = m_document->project();
    const KubefateEra era = kubefateEra(p.templates.kubefateVersion);
    const EngineSettings &e = p.engine;
    setChoices(m_computing, computingChoices(era), e.computing);
    setChoices(m_federation, federationChoices(era, e.computing), e.federation);
    setChoices(m_storage, storageChoices(era, e.computing), e.storage);
    setChoices(m_algorithm, algorithmChoices(era), e.algorithm);
    setChoices(m_device, deviceChoices(era), e.device);
}

void EngineForm::storeSecret(SecretField &field)
{
    const QString secret = field.edit->text();
    if (secret.isEmpty() || !m_secrets)
        return;
    field.edit->clear();
    const ServiceSecrets::Kind kind = field.kind;
    const QString key = ServiceSecrets::keyFor(kind, m_document->project());
    field.edit->setPlaceholderText(tr("storing in the system keychain…"));
    // A read of the key still under way (the pool may run it after this write) must not say "not set" later.
    field.checkedKey = key;
    const int generation = ++field.generation;
    ++m_pendingStores;
    QPointer<EngineForm> self(this);
    QtConcurrent::run([store = m_secrets, key, secret] {
        return store->write(key, secret);
    }).then(this, [self, kind, generation](const Status &status) {
        if (!self)
            return;
        --self->m_pendingStores;
        for (SecretField &f : self->m_secretFields) {
            if (f.kind != kind || f.generation != generation)
                continue;
            f.edit->setPlaceholderText(status ? tr("stored in the system keychain")
                                              : tr("the keychain refused it: %1").arg(status.error()));
        }
        emit self->secretStored(kind, status.ok());
    });
}

void EngineForm::refreshSecretState(SecretField &field)
{
    const bool usable = m_secrets && m_document->isOpen();
    field.edit->setEnabled(usable);
    if (!usable) {
        field.checkedKey.clear();
        field.edit->setPlaceholderText(tr("no system keychain: cannot be kept"));
        return;
    }
    // The key follows the project (party ids, logins): look again when it changes.
    const QString key = ServiceSecrets::keyFor(field.kind, m_document->project());
    if (key == field.checkedKey)
        return;
    field.checkedKey = key;
    const int generation = ++field.generation;
    const ServiceSecrets::Kind kind = field.kind;
    QPointer<EngineForm> self(this);
    QtConcurrent::run([store = m_secrets, key] {
        return store->read(key);
    }).then(this, [self, kind, generation](const Result<std::optional<QString>> &stored) {
        if (!self)
            return;
        for (SecretField &f : self->m_secretFields) {
            if (f.kind != kind || f.generation != generation)
                continue;
            if (!stored)
                f.edit->setPlaceholderText(tr("keychain unavailable: %1").arg(stored.error()));
            else if (stored.value())
                f.edit->setPlaceholderText(tr("stored in the system keychain"));
            else
                f.edit->setPlaceholderText(tr("not set: type it to keep it in the system keychain"));
        }
    });
}

void EngineForm::retranslate()
{
    const QString labels[] = {tr("&Computing:"),
                              tr("&Federation:"),
                              tr("S&torage:"),
                              tr("&Algorithm:"),
                              tr("De&vice:"),
                              tr("Compute cor&es:")};
    for (int i = 0; i < m_rowLabels.size(); ++i)
        m_rowLabels.at(i)->setText(labels[i]);
    // The undo text names the setting ("Change federation engine").
    const std::pair<QComboBox *, QString> names[] = {{m_computing, tr("computing engine")},
                                                     {m_federation, tr("federation engine")},
                                                     {m_storage, tr("storage engine")},
                                                     {m_algorithm, tr("algorithm")},
                                                     {m_device, tr("device")}};
    for (const auto &[combo, name] : names)
        combo->setProperty("fd_label", name);
    m_gpuLabel->setText(tr("&GPUs:"));
    m_computing->setToolTip(tr("Eggroll: FATE's own engine; Spark with HDFS and a message queue; Spark_local: "
                               "Spark in one container with local files"));
    m_federation->setToolTip(tr("How parties exchange data; the computing engine decides the choices"));
    m_device->setToolTip(tr("GPU reserves the given number of NVIDIA devices for fateflow"));
    m_computeCore->setToolTip(tr("Cores per node for Eggroll's processors, Spark and fateflow"));
    for (SecretField &field : m_secretFields) {
        switch (field.kind) {
        case ServiceSecrets::Kind::MysqlPassword:
            field.label->setText(tr("&MySQL password:"));
            break;
        case ServiceSecrets::Kind::FateboardPassword:
            field.label->setText(tr("FATE-Board pass&word:"));
            break;
        case ServiceSecrets::Kind::ServingAdminPassword:
            field.label->setText(tr("Serv&ing-admin password:"));
            break;
        case ServiceSecrets::Kind::NotebookHashedPassword:
            break;
        }
        field.checkedKey.clear(); // placeholders are read again in the new language
    }
    m_note->setText(tr("Passwords typed here go to the system keychain only, never into the project file; the "
                       "bundles get them when they are deployed, because the hosts need them."));
    refresh();
}

void EngineForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

} // namespace FateDeployer
