// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/servicesecrets.h"

#include <QGroupBox>
#include <QHash>

#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace FateDeployer {

class ProjectDocument;
class SecretStore;

/// The fields the project's KubeFATE era adds (v1.11.2 and later): computing, federation, storage,
/// algorithm, device (with GPU count), compute cores, and the services' passwords. The choices come from
/// model/era.h and follow the era at once; combinations the era rejects are shown at the field with the
/// validator's message. Passwords typed here go to the keychain only (ServiceSecrets keys), never into the
/// project; the form is hidden in eras without them.
class EngineForm : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineForm)

public:
    explicit EngineForm(ProjectDocument *document, QWidget *parent = nullptr);
    ~EngineForm() override;

    /// Where the passwords go; without one the password fields stay disabled.
    void setSecretStore(std::shared_ptr<SecretStore> store);
    /// Keychain writes still under way (tests wait for 0 before deploying).
    int pendingStores() const { return m_pendingStores; }

signals:
    /// A password was stored (ok) or refused by the keychain.
    void secretStored(FateDeployer::ServiceSecrets::Kind kind, bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct SecretField
    {
        ServiceSecrets::Kind kind;
        QLineEdit *edit = nullptr;
        QLabel *label = nullptr;
        QString checkedKey; ///< the keychain key last looked up for the placeholder
        int generation = 0; ///< answers of older reads and writes are dropped (the pool may run them late)
    };

    void refresh();
    void retranslate();
    void refreshChoices();
    void storeSecret(SecretField &field);
    void refreshSecretState(SecretField &field);

    ProjectDocument *m_document;
    std::shared_ptr<SecretStore> m_secrets;
    QFormLayout *m_form;
    QComboBox *m_computing;
    QComboBox *m_federation;
    QComboBox *m_storage;
    QComboBox *m_algorithm;
    QComboBox *m_device;
    QSpinBox *m_gpuCount;
    QSpinBox *m_computeCore;
    QLabel *m_gpuLabel;
    QLabel *m_note;
    QList<QLabel *> m_rowLabels; ///< computing … compute cores, in form order
    QList<SecretField> m_secretFields;
    int m_pendingStores = 0;
};

} // namespace FateDeployer
